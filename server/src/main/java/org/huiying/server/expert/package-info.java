/**
 * The expert desk: service-station technicians ask the technical experts about hard cases (VIN,
 * model, fault codes, mileage, photos); each question is a TECH_SUPPORT ticket on a 5-minute clock,
 * routed by the speciality its fault codes and words call for, answered in the ticket's
 * conversation, and measured against the 5-minute target.
 */
package org.huiying.server.expert;
