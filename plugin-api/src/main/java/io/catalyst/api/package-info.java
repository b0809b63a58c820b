/**
 * Catalyst's plugin API: the only thing plugins compile against.
 *
 * <p>Interfaces, records and enums only, never an implementation. Host services reach a plugin through the
 * {@link io.catalyst.api.PluginContext} handed to every call; plugins get no CDI injection and cannot load host
 * classes. The extension points live in sub-packages by feature: {@code ui}, {@code rest}, {@code jobs},
 * {@code events}, {@code security}, {@code settings}, {@code health} and {@code connect}; the host services a context
 * offers are in {@code host}.
 *
 * <p>A plugin is a jar whose manifest carries the entries listed in {@link io.catalyst.api.PluginManifest}. Its
 * extensions are classes annotated with {@code @org.pf4j.Extension}, indexed at compile time by PF4J's annotation
 * processor. {@code plugin-api}, PF4J, slf4j, Jakarta and Vaadin come from the host and must be {@code provided}.
 */
package io.catalyst.api;
