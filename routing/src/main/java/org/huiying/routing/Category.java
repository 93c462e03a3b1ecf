package org.huiying.routing;

/**
 * The seed's three-way classification of customer feedback: 服务态度, 技术问题, 流程效率.
 * Technical problems are handled first.
 */
public enum Category {
    ATTITUDE, TECHNICAL, PROCESS
}
