import{a as o,b as e}from"./chunk-M6SLUIV2.js";import"./chunk-ZPQTKTMD.js";import"./chunk-RJ2R4FVC.js";export{o as InfoModule,e as createInfoServices};
