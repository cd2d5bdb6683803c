// One definition of Vietnam time for server and browser (STYLE point 11): the module has no imports.
export * from '../../../server/src/shared/vietnam-time';
