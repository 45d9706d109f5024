/**
 * The admin use cases' implementation: {@link io.github.botconfig.application.service.AdminService}
 * over a {@code ConfigRepository}.
 */
@NullMarked
package io.github.botconfig.application.service;

import org.jspecify.annotations.NullMarked;
