/** The background-job extension point. */
package io.catalyst.api.jobs;
