import{a as e,b as r}from"./chunk-3DXZHX5E.js";import"./chunk-ZPQTKTMD.js";import"./chunk-RJ2R4FVC.js";export{e as WardleyModule,r as createWardleyServices};
