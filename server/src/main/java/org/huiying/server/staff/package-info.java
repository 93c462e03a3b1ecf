/**
 * Agents, experts, supervisors, technicians and admins: accounts, roles, skills, capacity,
 * presence, and logging in.
 */
package org.huiying.server.staff;
