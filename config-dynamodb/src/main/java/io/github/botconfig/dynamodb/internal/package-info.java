/**
 * botconfig's own tooling on the table: backup and restore for its command line ({@code botconfig
 * export}, {@code botconfig import}). Public only so that the command line can reach it, through
 * {@link io.github.botconfig.dynamodb.DynamoDbTooling}; it works on raw DynamoDB items and carries
 * no compatibility promise: anything here may change in any release. Other projects use {@link
 * io.github.botconfig.dynamodb.DynamoDbConfigStore}.
 */
@NullMarked
package io.github.botconfig.dynamodb.internal;

import org.jspecify.annotations.NullMarked;
