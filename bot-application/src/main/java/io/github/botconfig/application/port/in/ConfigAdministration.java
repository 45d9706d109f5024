package io.github.botconfig.application.port.in;

/**
 * Every admin use case, for front ends that offer them all ({@code /config}, the CLI). Each front
 * end still calls one use case per operation; this only saves wiring them one by one.
 */
public interface ConfigAdministration
    extends ChangeChannelUseCase,
        UntrackChannelUseCase,
        ShowChannelUseCase,
        ListChannelsUseCase,
        ShowSettingsUseCase,
        ChangeSettingsUseCase,
        PurgeGuildUseCase {}
