/** The UI extension point: screens a plugin adds to the Vaadin application and its side navigation. */
package io.catalyst.api.ui;
