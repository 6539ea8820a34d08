import{a as r,b as o}from"./chunk-XEQBUZIV.js";import"./chunk-ZPQTKTMD.js";import"./chunk-RJ2R4FVC.js";export{r as RailroadModule,o as createRailroadServices};
