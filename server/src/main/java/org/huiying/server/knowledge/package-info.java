/**
 * The knowledge base inside the server: wires the plain-Java {@code org.huiying.kb} (analysis chain,
 * embedded Lucene or Elasticsearch backend) into Spring, keeps each article's version history in
 * the database, serves {@code /api/kb/**} (search, import, article lifecycle, dictionary reload),
 * loads the sample articles on first start, reloads the synonym dictionary from the data dir, and
 * offers {@link org.huiying.server.knowledge.KnowledgeSuggestions} to other features (tickets).
 */
package org.huiying.server.knowledge;
