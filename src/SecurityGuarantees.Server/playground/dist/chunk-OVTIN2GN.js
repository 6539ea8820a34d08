import{a as e,b as r}from"./chunk-PT2RLH4P.js";import"./chunk-ZPQTKTMD.js";import"./chunk-RJ2R4FVC.js";export{e as TreeViewModule,r as createTreeViewServices};
