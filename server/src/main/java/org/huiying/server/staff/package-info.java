/**
 * Agents, experts, supervisors, technicians, R&D engineers and admins: accounts, roles, skills, capacity,
 * presence, and logging in.
 */
package org.huiying.server.staff;
