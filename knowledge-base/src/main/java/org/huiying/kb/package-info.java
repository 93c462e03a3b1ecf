/**
 * The Chinese technical knowledge base: analysis chain, articles and search backends.
 * Plain Java, no Spring; the server adapts it.
 */
package org.huiying.kb;
