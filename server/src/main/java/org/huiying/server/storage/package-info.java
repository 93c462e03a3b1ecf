/**
 * How features use the database without repeating themselves: transactions and after-commit hooks,
 * timestamps and ids as stored, chunked IN lists, and the embedded H2's durability and page-write
 * tuning. Owns no table; depends on no feature.
 */
package org.huiying.server.storage;
