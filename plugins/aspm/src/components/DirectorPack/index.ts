export { DirectorPack } from './DirectorPack';
