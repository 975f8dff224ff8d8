import type { Institution, Product, ProductMakers, Segment, Technology } from '../src/api/types';

/** The demo chains the app ships (src/main/resources/demo/chains), read as the API would return them. */
interface DemoChain {
  id: string;
  segments: { id: string; name: string; stage: Segment['stage']; parent: string | null; key: boolean; valueAdded: number }[];
  products: { id: string; name: string; segment: string; inputs: string[] }[];
  technologies: { id: string; name: string; segments: string[]; description: string }[];
}

const files = import.meta.glob<DemoChain>('../../src/main/resources/demo/chains/*.json', { eager: true, import: 'default' });

export function demoChain(id: 'NEV' | 'IC'): { segments: Segment[]; products: Product[]; technologies: Technology[] } {
  const chain = Object.values(files).find((c) => c.id === id);
  if (!chain) throw new Error(`demo chain ${id} not found`);
  return {
    segments: chain.segments.map((s) => ({ id: s.id, chainId: id, name: s.name, stage: s.stage, key: s.key, valueAdded: s.valueAdded, parentId: s.parent, description: null })),
    products: chain.products.map((p) => ({ id: p.id, chainId: id, name: p.name, segmentId: p.segment, inputIds: p.inputs })),
    technologies: chain.technologies.map((t) => ({ id: t.id, chainId: id, name: t.name, description: t.description, segmentIds: t.segments })),
  };
}

/** Deterministic makers: about a third of the products have no local maker. */
export function demoMakers(products: Product[]): ProductMakers[] {
  return products.map((p, i) => ({ productId: p.id, makers: 3 + (i % 7), localMakers: i % 3 === 0 ? 0 : 1 + (i % 2), localUsccs: [] }));
}

interface DemoInstitution {
  id: string;
  name: string;
  type: string;
  level: string;
  regionCode: string;
  strength: number;
  technologies: string[];
  segments: string[];
}
const institutionFiles = import.meta.glob<DemoInstitution[]>('../../src/main/resources/demo/institutions.json', { eager: true, import: 'default' });

/** The demo R&D institutions, as /api/institutions returns them. */
export function demoInstitutions(): Institution[] {
  return Object.values(institutionFiles)[0]!.map((i) => ({ id: i.id, name: i.name, type: i.type, level: i.level, regionCode: i.regionCode, strength: i.strength, technologyIds: i.technologies, segmentIds: i.segments, sample: true }));
}
