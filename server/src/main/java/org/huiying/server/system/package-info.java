/**
 * What every feature leans on: the data directory, the clock, the JSON error contract and the
 * ports file written once both listeners are up.
 */
package org.huiying.server.system;
