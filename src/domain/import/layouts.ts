import type { MessageArgs } from "../../lib/i18n.ts";
import type { LayoutName, Problem, Table } from "./types.ts";

interface Layout {
  /** Its name in messages (a locale key). */
  label: string;
  columns: readonly string[];
  /** Columns that must be present; the others may be left out (their cells count as empty). */
  required: readonly string[];
}

/** A file is recognised by its header row, never by its name. */
export const LAYOUTS: Record<LayoutName, Layout> = {
  units: {
    label: "import-layout-units",
    columns: ["kode", "nama", "induk", "zona_waktu", "hari_kerja", "predikat_organisasi"],
    required: ["kode", "nama"],
  },
  employees: {
    label: "import-layout-employees",
    columns: ["nip", "nama", "jabatan", "jenis", "unit", "nip_atasan", "peran", "bahasa", "unit_penilai"],
    required: ["nip", "nama", "jabatan", "unit"],
  },
  skp: {
    label: "import-layout-skp",
    columns: [
      "nip",
      "tahun",
      "kode",
      "rhk",
      "jenis_rhk",
      "aspek",
      "indikator",
      "target",
      "satuan",
      "periode",
      "rencana_aksi",
    ],
    required: ["nip", "tahun", "kode", "rhk", "jenis_rhk", "aspek", "indikator", "target", "satuan"],
  },
  leave: {
    label: "import-layout-leave",
    columns: ["nip", "dari", "sampai", "jenis"],
    required: ["nip", "dari", "sampai", "jenis"],
  },
  policy: {
    label: "import-layout-policy",
    // keterangan: a note for the people who keep the file; not stored.
    columns: ["kunci", "nilai", "keterangan"],
    required: ["kunci", "nilai"],
  },
  counters: {
    label: "import-layout-counters",
    // nip_petugas: the NIPs of the staff, separated by ";".
    columns: ["kode", "unit", "nama", "nip_petugas"],
    required: ["kode", "unit", "nama"],
  },
};

export type Recognition = { ok: true; layout: LayoutName; ignoredColumns: string[] } | { ok: false; problem: Problem };

/**
 * The layout sharing the most columns with the header wins (see pickBest); then its required
 * columns must all be there.
 */
export function recogniseLayout(table: Table): Recognition {
  if (table.header.length === 0) return refuse(table, "import-file-empty");
  const duplicated = table.header.filter((name, i) => name !== "" && table.header.indexOf(name) !== i);
  if (duplicated.length > 0) return refuse(table, "import-column-repeated", { columns: quoteList(duplicated) });

  const scored = (Object.keys(LAYOUTS) as LayoutName[])
    .map((layout) => ({ layout, score: LAYOUTS[layout].columns.filter((c) => table.header.includes(c)).length }))
    .sort((a, b) => b.score - a.score);
  const best = pickBest(scored, table.header);
  if (!best) {
    // The message lists every layout with its required columns: { $units }, { $employees } …
    const required = (Object.keys(LAYOUTS) as LayoutName[]).map((name) => [name, LAYOUTS[name].required.join(", ")]);
    return refuse(table, "import-layout-unknown", Object.fromEntries(required) as MessageArgs);
  }

  const layout = LAYOUTS[best.layout];
  const missing = layout.required.filter((c) => !table.header.includes(c));
  if (missing.length > 0)
    return refuse(table, "import-layout-incomplete", { layout: { key: layout.label }, columns: quoteList(missing) });
  return {
    ok: true,
    layout: best.layout,
    ignoredColumns: table.header.filter((c) => c !== "" && !layout.columns.includes(c)),
  };
}

/**
 * The layout sharing the most columns, at least two. On a tie, the one tied layout whose required
 * columns are all there wins ("kode,nama" is a unit file: a counter file also needs "unit");
 * otherwise nothing does.
 */
function pickBest<T extends { layout: LayoutName; score: number }>(scored: T[], header: string[]): T | undefined {
  const top = scored[0]!;
  if (top.score < 2) return undefined;
  const tied = scored.filter((s) => s.score === top.score);
  if (tied.length === 1) return top;
  const complete = tied.filter((s) => LAYOUTS[s.layout].required.every((c) => header.includes(c)));
  return complete.length === 1 ? complete[0] : undefined;
}

function refuse(table: Table, key: string, args?: MessageArgs): Recognition {
  return { ok: false, problem: { file: table.file, key, args } };
}

const quoteList = (names: string[]) => names.map((n) => `"${n}"`).join(", ");
