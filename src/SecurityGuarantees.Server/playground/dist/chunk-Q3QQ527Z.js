import{a as e,b as o}from"./chunk-RREJ4G24.js";import"./chunk-ZPQTKTMD.js";import"./chunk-RJ2R4FVC.js";export{e as EventModelingModule,o as createEventModelingServices};
