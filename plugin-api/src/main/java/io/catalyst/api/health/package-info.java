/** Health checks a plugin contributes to the platform's readiness report. */
package io.catalyst.api.health;
