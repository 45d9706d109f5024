/**
 * Local DynamoDB-compatible servers for tests (config-dynamodb's test-jar): {@link
 * LocalDynamoDbExtension} starts dynalite (or moto_server, or points at {@code DYNAMODB_ENDPOINT})
 * and gives each test class its own table.
 */
@NullMarked
package io.github.botconfig.dynamodb.testing;

import org.jspecify.annotations.NullMarked;
