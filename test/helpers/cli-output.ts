/** A writable stand-in for stdout/stderr that keeps what is written. */
export class Output {
  text = '';
  write(chunk: string): boolean {
    this.text += chunk;
    return true;
  }
}

export function io() {
  return { stdout: new Output(), stderr: new Output() };
}
