import{a as o,b as m}from"./chunk-ZVPILPEK.js";import"./chunk-T4WWCC5Z.js";import"./chunk-QP3MATMC.js";import"./chunk-5ODAB7GJ.js";import"./chunk-IISZJLFY.js";import"./chunk-YODAD7LC.js";import"./chunk-W4G62H5D.js";import"./chunk-SNMBC6G5.js";import"./chunk-SM2SJNJK.js";import"./chunk-DLGJ2DQQ.js";import"./chunk-KLOE66Q3.js";import"./chunk-N7XYG3GL.js";import"./chunk-HVVAQLXH.js";import"./chunk-P33LX4QM.js";import"./chunk-DK2QXMXQ.js";import"./chunk-6NK7PDAN.js";import"./chunk-6NDAIVIK.js";import"./chunk-2MCGT47X.js";import"./chunk-DN2KKNKF.js";import"./chunk-QKM4MVBR.js";import"./chunk-KR663WSH.js";import{a as r}from"./chunk-YUSHYV7C.js";import"./chunk-RJ2R4FVC.js";var i=r(t=>`${o(t)}
  .swimlane.cluster:not([data-color-id]) rect {
    stroke: ${t.clusterBorder} !important;
  }
  [data-look="neo"].cluster rect {
    filter: none;
  }
`,"getStyles"),e=i,F=m({styles:e});export{F as diagram};
