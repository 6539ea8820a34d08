import{a as r,b as o}from"./chunk-PTQTFV36.js";import"./chunk-ZPQTKTMD.js";import"./chunk-RJ2R4FVC.js";export{r as RailroadAbnfModule,o as createRailroadAbnfServices};
