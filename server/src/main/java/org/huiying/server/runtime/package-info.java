/**
 * The running process: the data directory and top-level settings, the application clock, files an
 * admin may edit under the data directory, and the ports file written once both listeners are up.
 */
package org.huiying.server.runtime;
