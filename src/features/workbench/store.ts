// The workbench keeps no tables of its own: what it lists comes from the areas' services, and what it does (an import,
// an export) is recorded in the audit log through identity. This file stays so every area has the same shape.
export {};
