/**
 * The outbound ports the use cases need beyond the domain's {@link
 * io.github.botconfig.domain.ConfigRepository}: each implemented by an adapter of the store it
 * reads (for DynamoDB, in the launcher), given to {@link
 * io.github.botconfig.application.service.AdminService} by whoever wires it.
 */
@NullMarked
package io.github.botconfig.application.port.out;

import org.jspecify.annotations.NullMarked;
