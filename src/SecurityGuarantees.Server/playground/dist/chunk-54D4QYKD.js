import{a as e,b as r}from"./chunk-KTUI36LV.js";import"./chunk-ZPQTKTMD.js";import"./chunk-RJ2R4FVC.js";export{e as RailroadPegModule,r as createRailroadPegServices};
