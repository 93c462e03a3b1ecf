/**
 * The HTTP API's shared contract: the JSON error body every endpoint answers with, the exception
 * features throw to produce it, request size limits and query-parameter parsing. Depends on no
 * feature.
 */
package org.huiying.server.web;
