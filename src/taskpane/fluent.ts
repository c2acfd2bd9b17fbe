// The Fluent UI web components the pane uses (the Office look, keyboard and screen-reader support built in),
// registered once.

import {
  fluentAnchor,
  fluentButton,
  fluentOption,
  fluentProgress,
  fluentSelect,
  fluentTextField,
  provideFluentDesignSystem,
} from "@fluentui/web-components";

export function registerFluent(): void {
  provideFluentDesignSystem().register(
    fluentButton(),
    fluentTextField(),
    fluentSelect(),
    fluentOption(),
    fluentProgress(),
    fluentAnchor(),
  );
}
