package io.github.botconfig.domain;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.immutables.value.Value;

/**
 * The one Immutables style of the project, declared on the package.
 *
 * <p>Generated {@code Immutable*} classes stay package-private: callers see only the abstract value
 * type and its nested {@code Builder} ({@code ChannelConfig.builder()}), never the generated class.
 */
@Target({ElementType.PACKAGE, ElementType.TYPE})
@Retention(RetentionPolicy.CLASS)
@Value.Style(
    visibility = Value.Style.ImplementationVisibility.PACKAGE,
    overshadowImplementation = true,
    builderVisibility = Value.Style.BuilderVisibility.PACKAGE,
    jdkOnly = true,
    // Keep @org.immutables.value.Generated off the classes: modules compiling against this jar do
    // not have
    // Immutables on their classpath, and javac warns about annotations it cannot find.
    allowedClasspathAnnotations = {Override.class},
    privateNoargConstructor = false,
    // Every @Value.Default here is a constant that reads no other attribute, so the initialisation
    // shim (which
    // orders defaults that do) is not needed; without it each value is a field lighter: 8 bytes a
    // cached channel
    // (docs/performance.md).
    unsafeDefaultAndDerived = true,
    defaults = @Value.Immutable(copy = true))
@interface BotConfigStyle {}
