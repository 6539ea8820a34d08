import{a as r,b as e}from"./chunk-VCH2LNVP.js";import"./chunk-ZPQTKTMD.js";import"./chunk-RJ2R4FVC.js";export{r as GitGraphModule,e as createGitGraphServices};
