// How large a SIECLE export may be: 20 Mo once uncompressed (a lycée of 4 000 pupils exports
// about 10 Mo), which bounds the memory of one import whatever is sent.

export const SIECLE_MAX_BYTES = 20 * 1024 * 1024;
export const SIECLE_MAX_LABEL = '20 Mo';
