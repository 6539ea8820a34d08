import{a as e,b as r}from"./chunk-QHK6WV2I.js";import"./chunk-ZPQTKTMD.js";import"./chunk-RJ2R4FVC.js";export{e as CynefinModule,r as createCynefinServices};
