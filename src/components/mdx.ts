/** The HTML elements that MDX content renders through our components. */
import Tautan from './Tautan.astro';
import TabelMdx from './TabelMdx.astro';

export const MDX_COMPONENTS = { a: Tautan, table: TabelMdx };
