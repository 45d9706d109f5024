/**
 * The ConfigStore on one DynamoDB table (AWS SDK v2), compatible with the running TypeScript bot's
 * items.
 */
@NullMarked
package io.github.botconfig.dynamodb;

import org.jspecify.annotations.NullMarked;
