declare namespace App {
  interface Locals {
    /** Counts the MDX tables rendered on the current page, to name each scroll region uniquely. */
    tabelMdx?: number;
  }
}
