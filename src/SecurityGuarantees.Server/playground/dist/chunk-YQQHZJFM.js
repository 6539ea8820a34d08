import{a as e,b as r}from"./chunk-VJUUUEVV.js";import"./chunk-ZPQTKTMD.js";import"./chunk-RJ2R4FVC.js";export{e as PacketModule,r as createPacketServices};
