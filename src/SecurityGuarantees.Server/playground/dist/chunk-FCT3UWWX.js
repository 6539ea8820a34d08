import{a as e,b as r}from"./chunk-FQ6FPPKX.js";import"./chunk-ZPQTKTMD.js";import"./chunk-RJ2R4FVC.js";export{e as TreemapModule,r as createTreemapServices};
