/** Types of scripts/page-addresses.mjs, for the tests that import it. */
export function filesUnder(dir: string): string[];
export function isPageFile(file: string): boolean;
export function isNotFoundCopy(file: string): boolean;
export function addressOf(file: string): string;
export function pageFilesOf(out: string): string[];
export function pageAddressesOf(out: string): string[];
