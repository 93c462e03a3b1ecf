/**
 * The expert desk: service-station technicians ask the technical experts about hard cases (VIN,
 * model, fault codes, mileage, photos); each question is a TECH_SUPPORT ticket on a 5-minute clock,
 * routed by the speciality its fault codes and words call for, answered in the ticket's
 * conversation, and measured against the 5-minute target. Technicians upload their photos here
 * (cleaned of everything but the pixels, kept in the photo directory, shown only to those who may see
 * the question), read solved questions like theirs with the expert's answer, and close their
 * question once answered.
 */
package org.huiying.server.expert;
