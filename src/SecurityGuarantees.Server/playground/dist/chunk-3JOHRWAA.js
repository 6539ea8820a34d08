import{a as r,b as e}from"./chunk-OOOSD3OC.js";import"./chunk-ZPQTKTMD.js";import"./chunk-RJ2R4FVC.js";export{r as RadarModule,e as createRadarServices};
