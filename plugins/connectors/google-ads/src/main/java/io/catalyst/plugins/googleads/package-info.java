/**
 * The Google Ads connector: the customers a login reaches, their campaigns, and daily campaign performance, all read
 * with Google Ads Query Language through the REST {@code searchStream} method.
 */
package io.catalyst.plugins.googleads;
