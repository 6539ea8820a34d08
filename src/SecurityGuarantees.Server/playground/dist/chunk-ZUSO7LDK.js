import{a as r,b as o}from"./chunk-JEVSSVNP.js";import"./chunk-ZPQTKTMD.js";import"./chunk-RJ2R4FVC.js";export{r as RailroadEbnfModule,o as createRailroadEbnfServices};
