const formatters = new Map<number, Intl.NumberFormat>();

/**
 * Indonesian number style, "1.234,5": a period groups thousands, a comma marks decimals. Used in
 * both languages, like the dates, so what an employee reads matches the documents HR works with.
 */
export function formatNumber(value: number, maxDecimals = 2): string {
  let format = formatters.get(maxDecimals);
  if (!format) {
    format = new Intl.NumberFormat("id-ID", { maximumFractionDigits: maxDecimals, minimumFractionDigits: 0 });
    formatters.set(maxDecimals, format);
  }
  // -0 would print as "-0".
  return format.format(value === 0 ? 0 : value);
}

/** An output quantity as typed back to the employee: "12", "2,5" (no thousands grouping, at most two decimals). */
export const formatQuantity = (value: number) =>
  Number.isInteger(value) ? String(value) : value.toFixed(2).replace(/0$/, "").replace(".", ",");
