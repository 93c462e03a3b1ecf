/**
 * Which expert a technician's question needs: fault codes mapped to specialities, by the longest
 * matching prefix, in a table an admin can extend.
 */
package org.huiying.routing.expertise;
