import{a as e,b as r}from"./chunk-INL3BSP6.js";import"./chunk-ZPQTKTMD.js";import"./chunk-RJ2R4FVC.js";export{e as ArchitectureModule,r as createArchitectureServices};
