import{a as e,b as r}from"./chunk-IC5OM7YX.js";import"./chunk-ZPQTKTMD.js";import"./chunk-RJ2R4FVC.js";export{e as PieModule,r as createPieServices};
