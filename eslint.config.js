// typescript-eslint's recommended rules over the whole tree; formatting is Prettier's job.
import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["node_modules/", "src/generated/", "data/", "coverage/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        process: "readonly",
        console: "readonly",
        URL: "readonly",
        Buffer: "readonly",
        setTimeout: "readonly",
      },
    },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  // The demo page's script runs in the browser.
  {
    files: ["assets/**/*.js"],
    languageOptions: {
      globals: Object.fromEntries(
        [
          "window",
          "document",
          "localStorage",
          "fetch",
          "EventSource",
          "FormData",
          "File",
          "Node",
          "DOMParser",
          "Intl",
          "setInterval",
          "clearTimeout",
        ].map((name) => [name, "readonly"]),
      ),
    },
  },
);
